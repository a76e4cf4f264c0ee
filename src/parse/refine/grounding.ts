/** The roster-derived indexes one parser holds: built once, shared by every parse. */

import type { PeopleNames } from "../extract/people.js";
import type { ProductCatalog } from "../grounding/product-catalog.js";
import type { ShopDirectory } from "../grounding/shop-directory.js";

export interface Grounding {
  shops: ShopDirectory;
  catalog: ProductCatalog;
  people: PeopleNames;
}
