package org.castkeeper.feed.googleplay;

import com.rometools.rome.feed.module.Module;
import com.rometools.rome.io.ModuleGenerator;
import java.util.Set;
import org.jdom2.Element;
import org.jdom2.Namespace;

/** Writes googleplay:block "yes" when the show is blocked. */
public final class GooglePlayGenerator implements ModuleGenerator {
    public static final Namespace NAMESPACE = Namespace.getNamespace(GooglePlayModule.PREFIX, GooglePlayModule.URI);

    @Override
    public String getNamespaceUri() {
        return GooglePlayModule.URI;
    }

    @Override
    public Set<Namespace> getNamespaces() {
        return Set.of(NAMESPACE);
    }

    @Override
    public void generate(Module module, Element channel) {
        if (module instanceof GooglePlayModule google && google.block()) {
            channel.addContent(new Element("block", NAMESPACE).setText("yes"));
        }
    }
}
