/** An inline link that reads as one in both themes and shows keyboard focus. */
export const textLinkClasses = 'font-medium text-foreground underline underline-offset-4 hover:text-primary focus-visible:outline-2 focus-visible:outline-ring rounded-sm';
