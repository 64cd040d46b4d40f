/** Reader for EPO Open Patent Services (OPS) exchange-format XML: bibliographic and family responses. */
package org.chainkg.source.epo;
