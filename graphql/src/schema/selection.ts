import { found, type NotFoundEntity } from '@tsunagu/domain';

/**
 * What a mutation that returns an object answers: the row the service wrote, read again through
 * the Drizzle plugin's selection (`findFirst(query({ where: { id } }))`). The service's own row
 * lacks the relations that the type's scopes and the client's fields select (an offer's request,
 * say), so handing it back fails after the write. A row gone by then was deleted in between.
 */
export async function selected<Row>(read: Promise<Row | undefined>, entity: NotFoundEntity, id: string): Promise<Row> {
  return found(await read, entity, id);
}
