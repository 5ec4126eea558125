package org.leadrouter.kpis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwoFiguresTest {

    @ParameterizedTest
    @CsvSource({"0, 0", "7, 7", "99, 99", "100, 100", "1049, 1000", "83456, 83000", "8234000, 8200000",
            "86399999, 86000000"})
    void keepsTwoSignificantFiguresRoundingDown(long millis, long kept) {
        assertEquals(kept, TwoFigures.of(millis));
    }
}
