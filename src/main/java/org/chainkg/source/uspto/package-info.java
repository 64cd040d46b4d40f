/** The USPTO full-text patent XML reader (grants and applications, single documents and weekly bulk files). */
package org.chainkg.source.uspto;
