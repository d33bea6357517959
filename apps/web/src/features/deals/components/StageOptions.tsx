import type { Pipeline } from '@spanner/contracts';

/** The `<option>`s of a stage select: each pipeline's stages in order, grouped when there are several pipelines. */
export function StageOptions({ pipelines }: { pipelines: Pipeline[] }) {
  const options = (pipeline: Pipeline) =>
    pipeline.stages.map((stage) => (
      <option key={stage.id} value={stage.id}>
        {stage.name}
      </option>
    ));
  if (pipelines.length === 1) return options(pipelines[0]!);
  return pipelines.map((pipeline) => (
    <optgroup key={pipeline.id} label={pipeline.name}>
      {options(pipeline)}
    </optgroup>
  ));
}
