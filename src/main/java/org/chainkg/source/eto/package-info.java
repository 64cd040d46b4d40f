/** Reader for the ETO/CSET Advanced Semiconductor Supply Chain dataset (stages, inputs, providers, sequence, provision). */
package org.chainkg.source.eto;
