package io.maple.api.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console is one page ({@code static/index.html}) routed in the browser; its deep links
 * ({@code /executions/42}) are served that page, so a link or a reload works.
 */
@Controller
class ConsolePages {

    @GetMapping({"/executions/{id}", "/queues", "/clusters", "/submit"})
    String execution() {
        return "forward:/index.html";
    }
}
