/** SHACL validation of the store against the shapes beside the ontology. */
package org.chainkg.validate;
