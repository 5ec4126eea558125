package org.leadrouter.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredJsonTest {

    private final StoredJson json = new StoredJson();

    /** The journal copies a lead's stored JSON into its entry; replay must read back the records themselves. */
    @Test
    void aJournalEntryWithLeadsCopiedFromTheirRowsReadsBackAsTheRecords() {
        LeadRecord copied = Leads.record("copied", "insurance");
        LeadRecord serialised = Leads.record("serialised", "telecoms");
        Map<LeadRecord, String> stored = new IdentityHashMap<>();
        stored.put(copied, json.write(copied.lead()));

        byte[] entry = json.batch(List.of(copied, serialised), stored);

        assertEquals(List.of(copied, serialised), json.batch(entry));
    }

    /** Copied, not serialised again: the entry holds the lead exactly as its row does. */
    @Test
    void aLeadsStoredJsonIsWrittenAsItIs() {
        LeadRecord record = Leads.record("as-stored", "insurance");
        String rowJson = "{\"id\":\"as-stored\",\"segment\":\"insurance\",\"receivedAt\":\"2026-11-25T09:30:00Z\"}";
        Map<LeadRecord, String> stored = new IdentityHashMap<>();
        stored.put(record, rowJson);

        String entry = new String(json.batch(List.of(record), stored), StandardCharsets.UTF_8);

        assertEquals(true, entry.startsWith("[{\"lead\":" + rowJson + ",\"decision\":{"), entry);
        assertEquals("as-stored", json.batch(entry.getBytes(StandardCharsets.UTF_8)).get(0).lead().id());
    }
}
