package io.incident.notification.template;

import io.incident.runtime.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** Message templates an operator can read, change, reset and preview while the service runs. */
@Path("/templates")
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {

    private final TemplateStore store;

    public TemplateResource(TemplateStore store) {
        this.store = store;
    }

    @GET
    public List<TemplateText> all() {
        return store.all();
    }

    @GET
    @Path("{name}")
    public TemplateText get(@PathParam("name") String name) {
        return store.get(name);
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public TemplateText save(@PathParam("name") String name,
                             TemplateEdit edit) {
        return store.save(name, edit == null ? null : edit.subject(), edit == null ? null : edit.body());
    }

    @DELETE
    @Path("{name}")
    @RolesAllowed(Roles.ADMIN)
    public TemplateText reset(@PathParam("name") String name) {
        return store.reset(name);
    }

    /**
     * Renders the saved template, or the draft in the body, with sample values overridden by {@code values}; nothing
     * is saved or sent.
     */
    @POST
    @Path("{name}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    public RenderedMessage preview(@PathParam("name") String name, Preview preview) {
        TemplateText saved = store.get(name);
        TemplateText text = preview == null ? saved : new TemplateText(name,
                preview.subject() == null ? saved.subject() : preview.subject(),
                preview.body() == null ? saved.body() : preview.body(), saved.customised());
        Map<String, Object> values = TemplateSamples.values();
        if (preview != null && preview.values() != null) {
            values.putAll(preview.values());
        }
        return store.render(text, values);
    }

    public record TemplateEdit(String subject, String body) {
    }

    public record Preview(String subject, String body, Map<String, Object> values) {
    }
}
