/** Reading and checking the leisure data files, the port queue feed adapter and the departure rules. */
package org.hetao.estation.leisure.internal;
