import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Button } from './Button';

function PlusIcon() {
  return (
    <svg viewBox="0 0 16 16" data-testid="plus-icon">
      <path d="M8 3v10M3 8h10" />
    </svg>
  );
}

describe('Button', () => {
  it('is a primary, medium, non-submitting button by default', () => {
    render(<Button>Save</Button>);
    const button = screen.getByRole('button', { name: 'Save' });
    expect(button).toHaveAttribute('type', 'button');
    expect(button).toHaveClass('bg-primary', 'h-9');
    expect(button).toBeEnabled();
    expect(button).not.toHaveAttribute('aria-busy');
  });

  it.each([
    ['primary', 'bg-primary'],
    ['secondary', 'border-border'],
    ['ghost', 'hover:bg-muted'],
    ['danger', 'bg-danger'],
  ] as const)('styles the %s variant', (variant, expectedClass) => {
    render(<Button variant={variant}>Go</Button>);
    expect(screen.getByRole('button', { name: 'Go' })).toHaveClass(expectedClass);
  });

  it.each([
    ['sm', 'h-8'],
    ['md', 'h-9'],
    ['lg', 'h-10'],
  ] as const)('sizes the %s button', (size, expectedClass) => {
    render(<Button size={size}>Go</Button>);
    expect(screen.getByRole('button', { name: 'Go' })).toHaveClass(expectedClass);
  });

  it('keeps extra classes and native attributes', () => {
    render(
      <Button className="mt-4" type="submit" form="contact-form">
        Create
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Create' });
    expect(button).toHaveClass('mt-4', 'bg-primary');
    expect(button).toHaveAttribute('type', 'submit');
    expect(button).toHaveAttribute('form', 'contact-form');
  });

  it('calls onClick when pressed', async () => {
    const onClick = vi.fn();
    render(<Button onClick={onClick}>Save</Button>);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('ignores presses while disabled', async () => {
    const onClick = vi.fn();
    render(
      <Button disabled onClick={onClick}>
        Save
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Save' });
    expect(button).toBeDisabled();
    await userEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });

  it('shows a spinner, sets aria-busy and blocks presses while loading, keeping its name', async () => {
    const onClick = vi.fn();
    const { container } = render(
      <Button loading icon={<PlusIcon />} onClick={onClick}>
        Save
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Save' });
    expect(button).toHaveAttribute('aria-busy', 'true');
    expect(button).toBeDisabled();
    expect(container.querySelector('svg.animate-spin')).toBeInTheDocument();
    expect(screen.queryByTestId('plus-icon')).not.toBeInTheDocument();
    await userEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });

  it('draws an icon before the label without adding to the name', () => {
    render(<Button icon={<PlusIcon />}>New contact</Button>);
    const button = screen.getByRole('button', { name: 'New contact' });
    expect(screen.getByTestId('plus-icon').parentElement).toHaveAttribute('aria-hidden', 'true');
    expect(button).not.toHaveClass('aspect-square');
  });

  it('names an icon-only button by its aria-label and makes it square', () => {
    render(<Button icon={<PlusIcon />} aria-label="Add contact" variant="ghost" />);
    expect(screen.getByRole('button', { name: 'Add contact' })).toHaveClass('aspect-square');
  });

  it('refuses, at compile time, an icon-only button without aria-label', () => {
    // @ts-expect-error an icon-only button without aria-label has no accessible name
    render(<Button icon={<PlusIcon />} />);
    expect(screen.getByRole('button')).toHaveAccessibleName('');
  });
});
