/** The Lessons button of the top bar and its gallery: the ready lessons of the model on display, and Open file. */
import { t, tModel } from '../../i18n';
import { findModel } from '../../models/registry';
import { OpenFileButton } from '../components/OpenFileButton';
import { Markdown } from '../markdown';
import { useApp } from '../store';
import { openReadyLesson, say, showGallery } from './lessonSession';
import { useLessons } from './lessonStore';
import { READY_LESSONS } from './readyLessons';
import './lessons.css';

export function LessonGallery() {
  const modelId = useApp((s) => s.modelId);
  const model = findModel(modelId)!;
  const lessons = READY_LESSONS.filter((lesson) => lesson.model === modelId);
  return (
    <section className="presets lesson-gallery" aria-labelledby="lesson-gallery-heading">
      <h2 id="lesson-gallery-heading">{t('lesson.galleryTitle', { model: tModel(model.id, 'title', model.title) })}</h2>
      {lessons.length === 0 && <p>{t('lesson.none')}</p>}
      <ul>
        {lessons.map((lesson) => (
          <li key={lesson.id} className="preset">
            <h3>{say(lesson.title)}</h3>
            {lesson.summary && <p>{say(lesson.summary)}</p>}
            <p className="hint">{t('lesson.steps', { count: lesson.steps.length })}</p>
            {lesson.teacherNotes && (
              <details>
                <summary>{t('lesson.teacherNotes')}</summary>
                <Markdown source={say(lesson.teacherNotes)} />
              </details>
            )}
            <button
              type="button"
              aria-label={t('lesson.startLabel', { title: say(lesson.title) })}
              onClick={() => openReadyLesson(lesson)}
            >
              {t('lesson.start')}
            </button>
          </li>
        ))}
      </ul>
      <div className="lesson-gallery-actions">
        <OpenFileButton label={t('lesson.openFile')} />
        <button type="button" onClick={() => showGallery(false)}>
          {t('lesson.closeGallery')}
        </button>
      </div>
    </section>
  );
}

export function LessonsButton() {
  const open = useLessons((s) => s.gallery);
  return (
    <>
      <button
        type="button"
        className="header-button lessons-button"
        aria-expanded={open}
        onClick={() => showGallery(!open)}
      >
        {t('lesson.open')}
      </button>
      {open && <LessonGallery />}
    </>
  );
}
