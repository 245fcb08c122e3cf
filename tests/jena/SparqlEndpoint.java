// A SPARQL 1.1 Protocol query endpoint over Apache Jena ARQ and TDB2, the engine and store of Fuseki, for
// tests/test_stores_agree_jena.py. Fuseki itself is not packaged by Debian; Debian's libapache-jena-java is.
//
// Usage: java -cp JENA_JARS:. SparqlEndpoint PORT DATA.trig
// Loads DATA (TriG or N-Quads) into an in-memory TDB2 dataset whose default graph is the union of its named
// graphs (what Fuseki's `tdb2:unionDefaultGraph true` configures), then answers GET or POST /sparql
// (form-encoded `query=`, or an application/sparql-query body) on 127.0.0.1:PORT: SELECT and ASK in SPARQL
// results JSON, CONSTRUCT and DESCRIBE in N-Triples; a query that does not parse gets 400 with Jena's message.
// Read-only: there is no update. Compiled with javac by tests/jena_support.py, once per machine.

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;

public class SparqlEndpoint {
    public static void main(String[] args) throws IOException {
        Dataset dataset = TDB2Factory.createDataset();
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
        Txn.executeWrite(dataset, () -> RDFDataMgr.read(dataset, args[1]));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
        server.createContext("/sparql", exchange -> {
            try {
                answer(dataset, exchange);
            } catch (RuntimeException e) {
                reply(exchange, 500, "text/plain; charset=utf-8", String.valueOf(e).getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        System.out.println("listening on http://127.0.0.1:" + args[0] + "/sparql");
    }

    static String queryText(HttpExchange exchange) throws IOException {
        String form = exchange.getRequestURI().getRawQuery();
        if ("POST".equals(exchange.getRequestMethod())) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            if (type.startsWith("application/sparql-query")) {
                return body;
            }
            form = body;
        }
        for (String pair : form == null ? new String[0] : form.split("&")) {
            if (pair.startsWith("query=")) {
                return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static void answer(Dataset dataset, HttpExchange exchange) throws IOException {
        String text = queryText(exchange);
        if (text == null) {
            reply(exchange, 400, "text/plain; charset=utf-8", "no query".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Query query;
        try {
            query = QueryFactory.create(text);
        } catch (QueryParseException e) {
            reply(exchange, 400, "text/plain; charset=utf-8", e.getMessage().getBytes(StandardCharsets.UTF_8));
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String type = Txn.calculateRead(dataset, () -> {
            try (QueryExecution execution = QueryExecution.dataset(dataset).query(query).build()) {
                if (query.isSelectType()) {
                    ResultSetFormatter.outputAsJSON(out, execution.execSelect());
                } else if (query.isAskType()) {
                    ResultSetFormatter.outputAsJSON(out, execution.execAsk());
                } else {
                    Model model = query.isConstructType() ? execution.execConstruct() : execution.execDescribe();
                    RDFDataMgr.write(out, model, Lang.NTRIPLES);
                    return "application/n-triples";
                }
                return "application/sparql-results+json";
            }
        });
        reply(exchange, 200, type, out.toByteArray());
    }

    static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(body);
        }
    }
}
