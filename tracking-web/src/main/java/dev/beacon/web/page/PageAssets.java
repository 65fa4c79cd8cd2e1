package dev.beacon.web.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * The page's own assets ({@code /web/**}: a stylesheet and a script), held in memory once
 * resolved: a classpath resource inside the packaged jar is otherwise looked up through
 * the nested jars on every request and on every link to it a page renders. Sits under
 * Spring's caching resolver, which keeps the resolved resource and its URL path; the jar
 * cannot change while the application runs, so nothing ever goes stale.
 */
final class PageAssets extends AbstractResourceResolver {

	@Override
	protected @Nullable Resource resolveResourceInternal(@Nullable HttpServletRequest request, String requestPath,
			List<? extends Resource> locations, ResourceResolverChain chain) {
		Resource resource = chain.resolveResource(request, requestPath, locations);
		return (resource != null) ? InMemory.of(resource) : null;
	}

	@Override
	protected @Nullable String resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
			ResourceResolverChain chain) {
		return chain.resolveUrlPath(resourceUrlPath, locations);
	}

	/** The bytes of a resource with its name and modification time. */
	static final class InMemory extends ByteArrayResource {

		private final @Nullable String filename;

		private final long lastModified;

		private InMemory(byte[] bytes, @Nullable String filename, long lastModified, String description) {
			super(bytes, description);
			this.filename = filename;
			this.lastModified = lastModified;
		}

		static InMemory of(Resource resource) {
			try (InputStream in = resource.getInputStream()) {
				return new InMemory(in.readAllBytes(), resource.getFilename(), resource.lastModified(),
						resource.getDescription());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read " + resource.getDescription(), ex);
			}
		}

		@Override
		public @Nullable String getFilename() {
			return this.filename;
		}

		@Override
		public long lastModified() {
			return this.lastModified;
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}

	}

}
