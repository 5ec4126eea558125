package org.leadrouter.fuzz;

/**
 * How much to send, from system properties: {@code -Dleadrouter.fuzz.count=10000} requests per
 * endpoint for the full run, the default a sample that keeps {@code ./mvnw verify} to about a
 * half a minute per database; {@code -Dleadrouter.fuzz.seed} picks another corpus.
 */
record FuzzSettings(long seed, int count) {

    static FuzzSettings fromSystemProperties() {
        return new FuzzSettings(Long.getLong("leadrouter.fuzz.seed", 11), Integer.getInteger("leadrouter.fuzz.count", 400));
    }
}
