/** The {@code querystop} command line: {@code java -jar querystop.jar demo}. */
package io.querystop.cli;
