package dev.beacon.admin.console;

import dev.beacon.admin.ConsoleNotFoundException;
import dev.beacon.admin.ConsolePage;
import dev.beacon.admin.ConsolePrincipal;
import dev.beacon.admin.Role;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Friendly error pages and the signed-in user for every console page.
 */
@ControllerAdvice(assignableTypes = ConsolePage.class)
class ConsoleAdvice {

	@ModelAttribute
	void user(Model model) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof ConsolePrincipal p) {
			model.addAttribute("me", p);
			model.addAttribute("isAdmin", p.is(Role.ADMIN));
			model.addAttribute("isOperator", p.role() == Role.OPERATOR);
			model.addAttribute("canReport", p.is(Role.OPS, Role.ADMIN));
			model.addAttribute("canTest", p.is(Role.AGENT, Role.ADMIN));
		}
	}

	@ExceptionHandler(ConsoleNotFoundException.class)
	String notFound(ConsoleNotFoundException ex, HttpServletResponse response, Model model) {
		response.setStatus(404);
		model.addAttribute("title", "Not found");
		model.addAttribute("message", "There is nothing here, or it belongs to a store you do not have access to.");
		return "console/error";
	}

	@ExceptionHandler({ IllegalArgumentException.class, MethodArgumentTypeMismatchException.class,
			MissingServletRequestParameterException.class })
	String badRequest(Exception ex, HttpServletResponse response, Model model) {
		response.setStatus(400);
		model.addAttribute("title", "That did not work");
		model.addAttribute("message", (ex instanceof IllegalArgumentException) ? ex.getMessage()
				: "Part of the request was missing or not valid.");
		return "console/error";
	}

}
