package org.leadrouter.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Where API keys live and how soon a change to them is picked up. */
@ConfigMapping(prefix = "leadrouter.security")
public interface SecurityConfig {

    /** The users file written by the {@code users} command (default: {@code users} in the data folder). */
    Path usersFile();

    /** How often the users file is checked for changes while the service runs. */
    @WithDefault("1s")
    Duration usersCheckInterval();
}
