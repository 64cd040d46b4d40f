/** The chainkg command line (picocli): one class per command, sharing the CommonOptions and StoreOptions mixins. */
package org.chainkg.cli;
