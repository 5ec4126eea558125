package org.leadrouter.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PathSegmentsTest {

    @Test
    void anyIdBecomesOneSegmentThatResolvesToItself() {
        for (String id : new String[] {"CRM-1042", "a;b", "a/b", "a?b#c", "50%", "a b", ".", "..", "CRM-9\ud800", "\u00e9t\u00e9"}) {
            URI location = URI.create("http://localhost:8080/").resolve("leads/" + PathSegments.encode(id));
            assertEquals("/leads/" + PathSegments.encode(id), location.getRawPath(), id);
            String decoded = location.getPath().substring("/leads/".length());
            assertEquals(id.replace('\ud800', '?'), decoded, id);
        }
    }

    @Test
    void unreservedCharactersStayAsTheyAre() {
        assertEquals("CRM-1042", PathSegments.encode("CRM-1042"));
        assertEquals("sf:00Q@x.y_z~", PathSegments.encode("sf:00Q@x.y_z~"));
        assertEquals("a%3Bb", PathSegments.encode("a;b"));
        assertEquals("%2E%2E", PathSegments.encode(".."));
    }
}
