/**
 * Amazon Neptune data API: cancel Gremlin and openCypher queries and bulk-loader jobs, read an openCypher query's
 * status. Start at {@link io.querystop.neptunedata.NeptuneDataClient}.
 */
package io.querystop.neptunedata;
