/**
 * Amazon Neptune data API: list Gremlin and openCypher queries and read their status, cancel them; list, read and
 * cancel bulk-loader jobs; read an instance's engine status. Start at
 * {@link io.querystop.neptunedata.NeptuneDataClient}.
 */
package io.querystop.neptunedata;
