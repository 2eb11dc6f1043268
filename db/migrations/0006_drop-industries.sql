-- Industries (ngành) were never tagged: no admin field, no facet, and the sources record none (decision 042).
-- The link table goes first so the drop of industries never meets a reference to it.
DROP TABLE `product_industries`;--> statement-breakpoint
DROP TABLE `industries`;
