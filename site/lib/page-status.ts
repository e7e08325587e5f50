/**
 * The HTTP status of the page being rendered, set from any component. Astro sends a page's status with the first
 * bytes, once the page's own frontmatter has run, so `Astro.response.status = 404` in a component (a workspace page
 * that finds no such request, round or report) used to go out as 200. This also records the status in
 * `Astro.locals`, which the request pipeline applies once the page is rendered (api/edge/pipeline.ts).
 */
export function setPageStatus(astro: { response: { status?: number }; locals: object }, status: number): void {
  astro.response.status = status;
  (astro.locals as PageStatusLocals).pageStatus = status;
}

/** What setPageStatus leaves in Astro.locals. */
export interface PageStatusLocals {
  pageStatus?: number;
}
