/** The public show site: the show page and a page per episode. */
package org.castkeeper.site;
