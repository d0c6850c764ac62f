package dev.granary.api;

import java.util.List;

/** The routes of one domain (health, logging, wallets, ...), contributed to the REST API at start. */
public interface RouteGroup {
    List<ApiRoute> routes();
}
