package org.castkeeper.feed.rome;

import com.rometools.rome.io.ModuleGenerator;
import java.util.Set;
import org.jdom2.Namespace;

/** What every Castkeeper module generator shares: the one XML namespace it writes. */
public abstract class NamespaceGenerator implements ModuleGenerator {
    private final Namespace namespace;

    protected NamespaceGenerator(Namespace namespace) {
        this.namespace = namespace;
    }

    @Override
    public final String getNamespaceUri() {
        return namespace.getURI();
    }

    @Override
    public final Set<Namespace> getNamespaces() {
        return Set.of(namespace);
    }
}
