import type { Db } from '@tsunagu/db';
import { createExpenseLinesForReport } from '@tsunagu/services';
import { type ExpenseWorld, insertDispatch } from '../expenses/world';

/** A 3-hour dispatch on the day, its report's lines (Yabu City's ¥3,500 honorarium, the fare) approved. */
export async function approvedDispatch(db: Db, world: ExpenseWorld, day: string, volunteerId?: string, fareYen = 640) {
  const dispatch = await insertDispatch(db, world, {
    startsAt: `${day}T13:00:00+09:00`,
    endsAt: `${day}T16:00:00+09:00`,
    transportFareYen: fareYen,
    ...(volunteerId ? { volunteerId } : {}),
  });
  const lines = await db.transaction((tx) =>
    createExpenseLinesForReport(tx, dispatch.assignment.id, {
      actorUserId: world.coordinator.userId,
      now: world.clock.now(),
    }),
  );
  const ids = lines.map((line) => line.id);
  // A report's lines come submitted.
  await world.services.expenses.advanceLines(world.coordinator, ids, 'approved');
  return { ...dispatch, lineIds: ids };
}
