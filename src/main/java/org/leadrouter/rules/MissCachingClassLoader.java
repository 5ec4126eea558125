package org.leadrouter.rules;

import java.net.URL;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the class and resource names the application's class loader does not have. Compiling
 * rules asks for thousands of them: MVEL tries each identifier of a constraint as a class name and
 * the Java compiler probes packages as resources. In the packaged jar each miss searches every
 * library jar that shares the name's package, and Quarkus keeps only four library jars open, so a
 * miss usually reopens a jar and reads its whole directory; that was half of a reload's processor
 * time (docs/performance.md, "What a reload costs now").
 *
 * <p>A miss stays a miss: the application's class path does not change while it runs, and the
 * classes Drools generates are defined by its own loaders below this one. The names remembered
 * are bounded; past the bound they are forgotten and found missing again.
 */
final class MissCachingClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    /** Every reload asks for its generated classes' new names first here: they must not pile up. */
    static final int MAX_REMEMBERED = 50_000;

    private final Set<String> missingClasses = ConcurrentHashMap.newKeySet();
    private final Set<String> missingResources = ConcurrentHashMap.newKeySet();

    MissCachingClassLoader(ClassLoader application) {
        super("rules-lookup", application);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (missingClasses.contains(name)) {
            throw new ClassNotFoundException(name);
        }
        try {
            return getParent().loadClass(name);
        } catch (ClassNotFoundException e) {
            remember(missingClasses, name);
            throw e;
        }
    }

    @Override
    public URL getResource(String name) {
        if (missingResources.contains(name)) {
            return null;
        }
        URL resource = getParent().getResource(name);
        if (resource == null) {
            remember(missingResources, name);
        }
        return resource;
    }

    private static void remember(Set<String> names, String name) {
        if (names.size() >= MAX_REMEMBERED) {
            names.clear();
        }
        names.add(name);
    }
}
