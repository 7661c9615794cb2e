import { IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../shared/ids.js';
import { payloadType } from '../../shared/payload-type.js';
import { DropView } from '../types.js';
import type { DropDraw, DropEntry } from './entities.js';
import { DrawUserError } from './errors.js';

@ObjectType('DrawEntry', { simpleResolvers: true, description: 'A published entry: the id and weight the draw algorithm uses.' })
export class DrawEntryView {
  @Field({ description: 'The entry id exactly as hashed by the draw (a uuid, not a global id); reveals nothing about the entrant.' }) id!: string;
  @Field(() => Int) weight!: number;
}

@ObjectType('DrawWinner', { simpleResolvers: true })
export class DrawWinnerView extends DrawEntryView {
  @Field(() => Int, { description: 'Place in the draw order (1 = first).' }) rank!: number;
  @Field({ description: 'The winner buys before this, or the unit goes to the next entry in draw order.' }) purchaseDeadline!: Date;
}

@ObjectType('DropDraw', { simpleResolvers: true, description: 'Everything needed to recompute the draw (README "Draws"): commitment, then the seed and the entries.' })
export class DropDrawView {
  @Field({ description: 'hex(sha256(seed bytes)), published from drawOpen on, before entries close.' }) commitment!: string;
  @Field(() => String, { nullable: true, description: 'The 32-byte seed in hex; null until drawRun reveals it.' }) seed!: string | null;
  @Field(() => Int, { description: 'Units drawn: the first `units` entries of the draw order win.' }) units!: number;
  @Field() entriesCloseAt!: Date;
  @Field(() => Date, { nullable: true }) revealedAt!: Date | null;
  @Field(() => [DrawEntryView], { description: 'Every entry, sorted by id (the canonical published list).' }) entries!: DrawEntryView[];
  @Field(() => [DrawWinnerView], { description: 'Winners in draw order; empty until drawn.' }) winners!: DrawWinnerView[];
}

@ObjectType('DropEntry', { simpleResolvers: true, description: "The viewer's entry in a drop's draw." })
export class DropEntryView {
  @Field(() => ID) id!: string;
  @Field({ description: 'The id as published in Drop.draw.entries.' }) entryId!: string;
  @Field(() => ID) dropId!: string;
  @Field(() => Int) weight!: number;
  @Field(() => Int, { nullable: true, description: 'Place in the draw order once drawn.' }) rank!: number | null;
  @Field(() => Date, { nullable: true, description: 'Set for winners: buy before it.' }) purchaseDeadline!: Date | null;
}

export const entryView = (e: DropEntry): DropEntryView => ({
  id: toGlobalId('DropEntry', e.id), entryId: e.id, dropId: toGlobalId('Drop', e.dropId), weight: e.weight, rank: e.rank ?? null, purchaseDeadline: e.purchaseDeadline ?? null,
});

export function drawView(draw: DropDraw, entries: DropEntry[]): DropDrawView {
  const revealed = !!draw.revealedAt;
  return {
    commitment: draw.commitment, seed: revealed ? draw.seed : null, units: draw.units, entriesCloseAt: draw.entriesCloseAt, revealedAt: draw.revealedAt ?? null,
    entries: entries.map((e) => ({ id: e.id, weight: e.weight })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    winners: entries.filter((e) => e.purchaseDeadline).sort((a, b) => a.rank! - b.rank!)
      .map((e) => ({ id: e.id, weight: e.weight, rank: e.rank!, purchaseDeadline: e.purchaseDeadline! })),
  };
}

@InputType('DrawOpenInput')
export class DrawOpenInput {
  @Field(() => ID) dropId!: string;
  @Field(() => Int, { description: 'Units drawn (at most the edition size).' }) @IsInt() @Min(1) @Max(100_000) units!: number;
  @Field({ description: 'Entries are accepted until then (or until drawRun, whichever is first).' }) entriesCloseAt!: Date;
  @Field(() => Int, { nullable: true, description: 'Hours a winner has to buy (default 48).' }) @IsOptional() @IsInt() @Min(1) @Max(720) purchaseHours?: number;
}

@InputType('DrawRunInput')
export class DrawRunInput {
  @Field(() => ID) dropId!: string;
}

@InputType('DropEnterInput')
export class DropEnterInput {
  @Field(() => ID) dropId!: string;
  @Field({ nullable: true, description: 'A retry with the same key returns the first entry.' }) @IsOptional() @Length(1, 200) idempotencyKey?: string;
}

export const DrawPayload = payloadType('DrawPayload', DrawUserError, { drop: () => DropView });
export const DropEnterPayload = payloadType('DropEnterPayload', DrawUserError, { entry: () => DropEntryView });
