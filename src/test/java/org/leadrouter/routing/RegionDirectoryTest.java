package org.leadrouter.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionDirectoryTest {

    private final RegionDirectory bundled = new RegionDirectory(Optional.empty());

    @Test
    void mapsTheBundledAreasToRegions() {
        assertEquals("LONDON", bundled.regionOf("SW"));
        assertEquals("SCOTLAND", bundled.regionOf("EH"));
        assertEquals("NORTHERN_IRELAND", bundled.regionOf("BT"));
        assertEquals("WALES", bundled.regionOf("CF"));
        assertEquals("NORTH_WEST", bundled.regionOf("M"));
    }

    @Test
    void anUnlistedOrMissingAreaIsUnknown() {
        assertEquals(RegionDirectory.UNKNOWN, bundled.regionOf("QQ"));
        assertEquals(RegionDirectory.UNKNOWN, bundled.regionOf(null));
    }

    @Test
    void anOperatorFileReplacesTheBundledOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("areas.csv");
        Files.writeString(file, "area,region\nSW,TEST_REGION\n");
        assertEquals("TEST_REGION", new RegionDirectory(Optional.of(file)).regionOf("SW"));
    }

    @Test
    void anUnreadableFileMakesEveryLookupFail(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "SW;LONDON\n");
        RegionDirectory broken = new RegionDirectory(Optional.of(bad));
        assertThrows(IllegalStateException.class, () -> broken.regionOf("SW"));
        RegionDirectory missing = new RegionDirectory(Optional.of(dir.resolve("absent.csv")));
        assertThrows(IllegalStateException.class, () -> missing.regionOf("SW"));
    }
}
