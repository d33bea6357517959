/** The look shared by text inputs and selects, so a form's controls line up. */
export const controlClasses = [
  'h-9 w-full min-w-0 rounded-md border border-border bg-background px-3 text-sm text-foreground',
  'placeholder:text-muted-foreground',
  'focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring',
  'disabled:cursor-not-allowed disabled:opacity-50 read-only:bg-muted',
  'aria-invalid:border-danger-text',
].join(' ');
