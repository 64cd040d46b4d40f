/** Readers of chainkg's own curated tables that link chain items to technologies and names. */
package org.chainkg.source.mapping;
