/**
 * The page's elements by id: a missing one is a build mistake, said at once with its id.
 * @module
 */
export const byId = <T extends HTMLElement>(id: string): T => {
  const e = document.getElementById(id);
  if (!e) throw new Error(`the page has no #${id}`);
  return e as T;
};
