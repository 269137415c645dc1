/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { attendanceRow } from '../testing/attendance-factory';
import { renderView } from '../testing/render-view';
import { ExcuseDialog } from './excuse-dialog';

describe('ExcuseDialog', () => {
  it.each([
    ['vi', 'Hủy', 'Lưu báo vắng'],
    ['en', 'Cancel', 'Save excuse'],
  ] as const)('offers to cancel, not to go back to the session (%s)', async (language, cancel, save) => {
    const onClose = jest.fn();
    renderView(<ExcuseDialog sessionId="s1" member={attendanceRow()} onClose={onClose} />, { language });
    const buttons = screen.getAllByRole('button').map((b) => b.textContent);
    expect(buttons).toEqual(expect.arrayContaining([cancel, save]));
    await userEvent.click(screen.getByRole('button', { name: cancel }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
