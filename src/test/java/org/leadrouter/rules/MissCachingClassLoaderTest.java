package org.leadrouter.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.leadrouter.facts.Lead;

class MissCachingClassLoaderTest {

    /** The application's loader, counting how often it is asked. */
    static final class CountingLoader extends ClassLoader {
        final AtomicInteger classLookups = new AtomicInteger();
        final AtomicInteger resourceLookups = new AtomicInteger();

        CountingLoader() {
            super(Lead.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            classLookups.incrementAndGet();
            if (name.startsWith("generated.")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            resourceLookups.incrementAndGet();
            return super.getResource(name);
        }
    }

    private final CountingLoader application = new CountingLoader();
    private final MissCachingClassLoader loader = new MissCachingClassLoader(application);

    @Test
    void aMissingClassIsLookedUpOnce() {
        for (int i = 0; i < 3; i++) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.leadrouter.facts.Lead$postcode"));
        }
        assertEquals(1, application.classLookups.get());
    }

    @Test
    void classesThatExistAreTheApplicationsOwnAndAlwaysAsked() throws ClassNotFoundException {
        assertSame(Lead.class, loader.loadClass(Lead.class.getName()));
        assertSame(Lead.class, Class.forName(Lead.class.getName(), false, loader));
        assertEquals(2, application.classLookups.get());
    }

    @Test
    void aMissingResourceIsLookedUpOnceAndAPresentOneIsServed() {
        assertNull(loader.getResource("org/leadrouter/facts/Nothing.class"));
        assertNull(loader.getResourceAsStream("org/leadrouter/facts/Nothing.class"));
        assertEquals(1, application.resourceLookups.get());
        assertNotNull(loader.getResource("org/leadrouter/facts/Lead.class"));
    }

    @Test
    void theRememberedNamesAreBounded() {
        for (int i = 0; i <= MissCachingClassLoader.MAX_REMEMBERED; i++) {
            String name = "generated.Consequence" + i;
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass(name));
        }
        int asked = application.classLookups.get();
        // The first name was forgotten when the bound was reached, so the application is asked again.
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("generated.Consequence0"));
        assertEquals(asked + 1, application.classLookups.get());
    }
}
