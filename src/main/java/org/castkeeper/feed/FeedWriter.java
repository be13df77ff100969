package org.castkeeper.feed;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.jdom2.Document;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/** Writes a Rome channel as UTF-8 XML 1.0 bytes. The XML writer escapes markup; XmlText removed what cannot be escaped. */
public final class FeedWriter {
    /** How the feed is printed; {@link FeedParts} prints its parts the same way, so they join to these bytes. */
    static final Format FORMAT = Format.getPrettyFormat().setEncoding("UTF-8").setIndent("  ");

    public byte[] write(Channel channel) {
        try {
            Document document = new WireFeedOutput().outputJDom(channel);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            new XMLOutputter(FORMAT).output(document, out);
            return out.toByteArray();
        } catch (FeedException | IOException e) {
            throw new IllegalStateException("the feed could not be written: " + e.getMessage(), e);
        }
    }
}
