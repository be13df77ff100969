package org.castkeeper.feed.googleplay;

import com.rometools.rome.feed.module.Module;
import org.castkeeper.feed.rome.NamespaceGenerator;
import org.jdom2.Element;
import org.jdom2.Namespace;

/** Writes googleplay:block "yes" when the show is blocked. */
public final class GooglePlayGenerator extends NamespaceGenerator {
    public static final Namespace NAMESPACE = Namespace.getNamespace(GooglePlayModule.PREFIX, GooglePlayModule.URI);

    public GooglePlayGenerator() {
        super(NAMESPACE);
    }

    @Override
    public void generate(Module module, Element channel) {
        if (module instanceof GooglePlayModule google && google.block()) {
            channel.addContent(new Element("block", NAMESPACE).setText("yes"));
        }
    }
}
