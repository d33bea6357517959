import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

/**
 * Arrow keys move a picked-up card to the next column left or right (not 25 pixels at a time, the
 * default): one press, one stage. Other keys do nothing while a card is held.
 */
export const columnCoordinates: KeyboardCoordinateGetter = (event, { context: { collisionRect, droppableRects }, currentCoordinates }) => {
  const direction = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
  if (direction === 0 || !collisionRect) return undefined;
  event.preventDefault();
  const centre = collisionRect.left + collisionRect.width / 2;
  const columns = [...droppableRects.values()].sort((a, b) => a.left - b.left);
  const target =
    direction === 1
      ? columns.find((rect) => rect.left + rect.width / 2 > centre + 1)
      : columns.reverse().find((rect) => rect.left + rect.width / 2 < centre - 1);
  if (!target) return currentCoordinates;
  return {
    x: currentCoordinates.x + (target.left + target.width / 2 - centre),
    // Near the top of the column, where its first cards are.
    y: currentCoordinates.y + (target.top + 48 - collisionRect.top),
  };
};
