package io.incident.docs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the docs service, under {@code docs.*}. Base URLs of the services are in {@code incident.urls}. */
@ConfigMapping(prefix = "docs")
public interface DocsConfig {

    /** The role (from the actor's roles) that may read every security incident's document. */
    @WithDefault("security")
    String securityRole();

    /** The highest Flesch–Kincaid grade a postmortem section may have (R-PM-3: 6th grade or lower). */
    @WithDefault("6")
    double maxReadingGrade();

    /** The most incidents the home page lists. */
    @WithDefault("200")
    int homePageLimit();
}
