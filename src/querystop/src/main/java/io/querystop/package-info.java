/** Shared public vocabulary of querystop: settings records and the exception hierarchy both services use. */
package io.querystop;
