package org.leadrouter.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostcodeTest {

    @ParameterizedTest
    @CsvSource({
            "sw1a1aa,    SW1A 1AA, SW",
            "' M1  1AE ', M1 1AE,  M",
            "bt7 1nn,    BT7 1NN,  BT",
            "EH1 2NG,    EH1 2NG,  EH",
            "w1a0ax,     W1A 0AX,  W",
            "cf10,       CF10,     CF",
    })
    void normalisesAndDerivesTheArea(String raw, String text, String area) {
        Postcode postcode = Postcode.normalise(raw);
        assertEquals(text, postcode.text());
        assertEquals(area, postcode.area());
    }

    @ParameterizedTest
    @CsvSource({"not a postcode, NOT A POSTCODE", "12345, 12345"})
    void keepsTextThatIsNoPostcodeWithoutAnArea(String raw, String text) {
        Postcode postcode = Postcode.normalise(raw);
        assertEquals(text, postcode.text());
        assertNull(postcode.area());
    }

    @ParameterizedTest
    @CsvSource(value = {"''", "'   '"})
    void blankIsAbsent(String raw) {
        assertNull(Postcode.normalise(raw).text());
    }
}
