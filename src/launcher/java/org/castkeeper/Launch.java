package org.castkeeper;

import java.lang.reflect.InvocationTargetException;

/**
 * The jar's entry point, compiled for Java 8 so that any Java can load it: on a Java older than Castkeeper needs,
 * it says so in one line instead of the JVM's class-version stack trace, then hands over to the real main.
 */
public final class Launch {
    static final int NEEDED = 21;

    private Launch() {
    }

    public static void main(String[] args) throws Throwable {
        String version = System.getProperty("java.specification.version", "0");
        int feature = Integer.parseInt(version.startsWith("1.") ? version.substring(2) : version.split("\\.")[0]);
        if (feature < NEEDED) {
            System.err.println("castkeeper: Castkeeper needs Java " + NEEDED + " or newer, and this is Java " + version
                    + ". Run scripts/serve (it finds a suitable JDK), or set JAVA_HOME to a JDK " + NEEDED + "+.");
            System.exit(2);
        }
        try {
            Class.forName("org.castkeeper.cli.Main").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
