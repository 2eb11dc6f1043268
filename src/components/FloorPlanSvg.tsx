/**
 * A fair's floor plan as SVG: the floor, the hall names and one rectangle per booth with its code. The public
 * fair page renders it on the server (no JavaScript: each booth links to its exhibitor), and the admin's
 * editor island draws the same picture with booths it can move (`boothProps`), so both always look alike.
 */
import type { ReactNode, SVGProps } from 'react';
import { hallLabels, type PlanBoothShape } from '#domain/floor-plan.ts';

export interface FloorPlanSvgProps {
  width: number;
  height: number;
  booths: readonly PlanBoothShape[];
  /** The words the picture uses: its name, "Gian"/"Booth", "Khu"/"Hall". */
  labels: { plan: string; booth: string; hall: string };
  /** The width to draw at, in CSS pixels (the public page keeps labels readable on a phone); else the box's. */
  displayWidth?: number;
  /** Without it, each booth links to `#x-ID` (the public page); with it, the booth is a group given these props. */
  boothProps?: (booth: PlanBoothShape) => SVGProps<SVGGElement>;
  /** Drawn over the booths (the editor's grid or selection). */
  children?: ReactNode;
}

/** The booth's label for a screen reader: "Gian A12: HTX Mây tre đan Phú Vinh". */
export const boothLabel = (booth: PlanBoothShape, word: string) => `${word} ${booth.booth}: ${booth.name}`;

export default function FloorPlanSvg({ width, height, booths, labels, displayWidth, boothProps, children }: FloorPlanSvgProps) {
  const shape = (b: PlanBoothShape) => (
    <>
      <rect x={b.x} y={b.y} width={b.w} height={b.h} rx="6" />
      <text x={b.x + b.w / 2} y={b.y + b.h / 2}>
        {b.booth}
      </text>
    </>
  );
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width={displayWidth} role="group" aria-label={labels.plan} data-plan="">
      <rect className="plan-floor" x="0" y="0" width={width} height={height} rx="12" />
      {hallLabels(booths).map((h) => (
        <text key={h.hall} className="plan-hall" x={h.x} y={h.y}>
          {labels.hall} {h.hall}
        </text>
      ))}
      {booths.map((b) =>
        boothProps ? (
          <g key={b.id} data-plan-booth={b.id} {...boothProps(b)}>
            {shape(b)}
          </g>
        ) : (
          <a key={b.id} href={`#x-${b.id}`} aria-label={boothLabel(b, labels.booth)} data-plan-booth={b.id}>
            {shape(b)}
          </a>
        ),
      )}
      {children}
    </svg>
  );
}
