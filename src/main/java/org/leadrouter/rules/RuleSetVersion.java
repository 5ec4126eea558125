package org.leadrouter.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Names a rule package by its content, so a decision says exactly which rules made it, and the
 * same rules saved again are the same version.
 */
public final class RuleSetVersion {

    private static final int WORKBOOKS_KEPT = 256;
    /**
     * Workbook content hashes by the hash of their bytes. Reading a large workbook's cells takes
     * seconds, and the same file is hashed on every reload, compile and record of it.
     */
    private static final Map<String, String> WORKBOOKS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > WORKBOOKS_KEPT;
        }
    };

    private RuleSetVersion() {
    }

    /** "insurance@1a2b3c4d5e6f": the segment and the first 12 hex digits of SHA-256 over its files' content. */
    public static String of(String segment, Map<String, byte[]> files) {
        MessageDigest digest = sha256();
        for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
            digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(contentHash(file.getKey(), file.getValue()).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) 0);
        }
        return segment + "@" + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    /**
     * SHA-256 (hex) of what a file says. A spreadsheet saved again with the same cells differs in
     * its bytes (save time, zip entry dates, styles) but not in its rules, so a workbook is hashed
     * by its cells; any other file by its bytes.
     */
    public static String contentHash(String name, byte[] content) {
        String bytes = HexFormat.of().formatHex(sha256().digest(content));
        RuleFiles.Kind kind = RuleFiles.kindOf(name);
        if (kind != RuleFiles.Kind.XLSX && kind != RuleFiles.Kind.XLS) {
            return bytes;
        }
        synchronized (WORKBOOKS) {
            String known = WORKBOOKS.get(bytes);
            if (known != null) {
                return known;
            }
        }
        String cells = HexFormat.of().formatHex(sha256().digest(WorkbookContent.of(content).orElse(content)));
        synchronized (WORKBOOKS) {
            WORKBOOKS.put(bytes, cells);
        }
        return cells;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
