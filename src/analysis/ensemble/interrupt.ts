/** The reason an ensemble stops when the user presses Ctrl-C. */
export class EnsembleInterrupted extends Error {
  constructor() {
    super('interrupted (Ctrl-C): the workers were stopped and no output was written');
    this.name = 'EnsembleInterrupted';
  }
}
