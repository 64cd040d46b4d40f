/** The PatentsView bulk-table reader (granted patents, abstracts, disambiguated assignees, current CPC). */
package org.chainkg.source.patentsview;
