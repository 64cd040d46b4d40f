/** Source readers: one class per real source format, each streaming its records to RDF and naming file, line and field in every error. */
package org.chainkg.source;
