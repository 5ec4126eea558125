package org.leadrouter.security;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code users add NAME --roles caller,analyst | users list | users remove NAME}: manages the
 * users file without the service, and while it runs. Reads the same settings as the service
 * (-D system properties, environment variables, application.properties), so it finds the same file.
 * {@code add} prints the new secret alone on the last line; it is not kept anywhere else.
 */
public final class UsersCommand {

    static final String USAGE = """
            usage: users add NAME --roles ROLE[,ROLE...]   create or replace NAME's API key; prints the secret last
                   users list                             names and roles
                   users remove NAME                      delete NAME's key
            roles: %s (admin has them all); NAME: letters, digits, . _ @ -; an agent's NAME is their agent id
            settings: leadrouter.security.users-file (default ${leadrouter.data.dir}/users), as -D or environment""";

    private final PrintStream out;
    private final PrintStream err;
    private final UsersFile file;

    UsersCommand(PrintStream out, PrintStream err, Path usersFile) {
        this.out = out;
        this.err = err;
        this.file = new UsersFile(usersFile);
    }

    public static void main(String... args) {
        System.exit(new UsersCommand(System.out, System.err, configuredFile()).run(Arrays.copyOfRange(args, 1, args.length)));
    }

    /** The users file the service would use, from the service's own configuration sources. */
    static Path configuredFile() {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultSources().addDefaultInterceptors();
        URL properties = UsersCommand.class.getClassLoader().getResource("application.properties");
        if (properties != null) {
            try {
                builder.withSources(new PropertiesConfigSource(properties, 250));
            } catch (IOException e) {
                throw new IllegalStateException("application.properties could not be read", e);
            }
        }
        SmallRyeConfig config = builder.build();
        return Path.of(config.getValue("leadrouter.security.users-file", String.class));
    }

    int run(String... args) {
        try {
            if (args.length == 1 && args[0].equals("list")) {
                return list();
            }
            if (args.length == 2 && args[0].equals("remove") && validName(args[1])) {
                return remove(args[1]);
            }
            if (args.length == 4 && args[0].equals("add") && validName(args[1]) && args[2].equals("--roles")) {
                Set<String> roles = roles(args[3]);
                if (roles != null) {
                    return add(args[1], roles);
                }
            }
            return usage();
        } catch (IOException e) {
            err.println("users file " + file.path() + ": " + e);
            return 1;
        }
    }

    private int add(String name, Set<String> roles) throws IOException {
        String secret = ApiKeys.newSecret();
        Map<String, ApiUser> users = file.update(current -> {
            Map<String, ApiUser> changed = new LinkedHashMap<>(current);
            changed.put(name, new ApiUser(name, roles, ApiKeys.hash(secret)));
            return changed;
        });
        out.println("API key for " + name + " (" + String.join(",", roles) + ") in " + file.path() + " (" + users.size()
                + " key(s)); send it as 'Authorization: Bearer <key>'. It is shown once only:");
        out.println(secret);
        return 0;
    }

    private int list() throws IOException {
        for (ApiUser user : file.read(bad -> err.println(file.path() + ": " + bad)).values()) {
            out.println(user.name() + " " + String.join(",", user.roles()));
        }
        return 0;
    }

    private int remove(String name) throws IOException {
        List<Boolean> removed = new ArrayList<>();
        file.update(current -> {
            Map<String, ApiUser> changed = new LinkedHashMap<>(current);
            removed.add(changed.remove(name) != null);
            return changed;
        });
        if (!removed.get(0)) {
            err.println("no user named " + name + " in " + file.path());
            return 1;
        }
        out.println("removed " + name + " from " + file.path());
        return 0;
    }

    private boolean validName(String name) {
        return UsersFile.NAME.matcher(name).matches();
    }

    private Set<String> roles(String list) {
        Set<String> roles = new LinkedHashSet<>(Arrays.asList(list.split(",")));
        return !roles.isEmpty() && Roles.ALL.containsAll(roles) ? roles : null;
    }

    private int usage() {
        err.println(USAGE.replace("%s", String.join(", ", Roles.ALL)));
        return 2;
    }
}
