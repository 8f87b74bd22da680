/**
 * One diagram representation for every source: a Vensim sketch, an XMILE `<views>` block, or an
 * automatic layout. A model has one or more views (Vensim views, XMILE views, or one per group when
 * laid out automatically); each holds positioned nodes and the links between them.
 */

export type DiagramNodeKind = 'stock' | 'flow' | 'aux' | 'valve' | 'cloud' | 'comment';

export interface DiagramPoint {
  x: number;
  y: number;
}

export interface DiagramNode {
  /** Unique within its view. */
  id: string;
  kind: DiagramNodeKind;
  /** The name as drawn (empty for valves and clouds). */
  name: string;
  /** Canonical variable key (lower case, single spaces) for variables; absent otherwise. */
  key?: string;
  /** Centre. */
  x: number;
  y: number;
  /** Half width and half height. */
  w: number;
  h: number;
  /** A shadow (ghost) copy of a variable defined elsewhere, drawn as `<name>`. */
  shadow?: boolean;
}

export interface DiagramLink {
  id: string;
  /** Node ids; a pipe may end at a free point instead (XMILE flows), then given by `points`. */
  from?: string;
  to?: string;
  /** A flow pipe (valve ↔ stock or cloud), or an influence arrow (information link). */
  kind: 'pipe' | 'influence';
  polarity?: '+' | '-';
  /** A point the curve passes through (Vensim's arc handle). */
  via?: DiagramPoint;
  /** A polyline, start and end included (pipes with corners, laid-out edges). */
  points?: DiagramPoint[];
}

export interface DiagramView {
  name: string;
  source: 'sketch' | 'xmile' | 'auto';
  nodes: DiagramNode[];
  links: DiagramLink[];
}
